/** Tray icon with a small menu (open, quit). The app keeps running in the tray when its window is closed. */
import { Menu, Tray, nativeImage } from 'electron';
import type { MainLabels } from './labels.ts';

export type TrayOptions = { iconPath: string; labels: MainLabels; onOpen: () => void; onQuit: () => void };

export function createTray(options: TrayOptions): Tray {
  const image = nativeImage.createFromPath(options.iconPath);
  const tray = new Tray(image);
  tray.setToolTip(options.labels.tooltip);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: options.labels.open, click: options.onOpen },
      { type: 'separator' },
      { label: options.labels.quit, click: options.onQuit },
    ]),
  );
  // Windows and most Linux trays: a click on the icon opens the window; macOS shows the menu.
  tray.on('click', options.onOpen);
  return tray;
}
