/** The few strings the main process shows itself (tray, error dialogs): German by default, English by locale. */
export type MainLabels = { open: string; quit: string; tooltip: string; startFailed: string };

const DE: MainLabels = {
  open: 'Öffnen',
  quit: 'Beenden',
  tooltip: 'Kassenwart',
  startFailed: 'Kassenwart konnte nicht starten',
};
const EN: MainLabels = {
  open: 'Open',
  quit: 'Quit',
  tooltip: 'Kassenwart',
  startFailed: 'Kassenwart could not start',
};

/** `locale` as from app.getLocale() ("en-US", "de", ...). Anything that is not English gets German. */
export function labelsFor(locale: string): MainLabels {
  return locale.toLowerCase().startsWith('en') ? EN : DE;
}
