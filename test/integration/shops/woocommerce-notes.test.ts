/**
 * Order notes are not idempotent (POST /orders/<id>/notes creates one each time:
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#create-an-order-note): a POST whose answer is lost must
 * not be sent again blindly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { wooConnector } from './support.ts';

let sim: WooCommerceSimulator;
afterEach(async () => sim.close());

/** `whileWaiting`: what happens in the shop while the client waits its backoff (the injected sleep). */
async function setup(whileWaiting?: () => void) {
  sim = await new WooCommerceSimulator().start();
  const sleeps: number[] = [];
  const connector = wooConnector(sim, {
    http: {
      retries: 3,
      sleep: (ms) => {
        sleeps.push(ms);
        whileWaiting?.();
        return Promise.resolve();
      },
    },
  });
  return { connector, sleeps };
}

const isNotePost = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith('/notes');
const notePosts = () => sim.requests.filter(isNotePost);

describe('WooCommerce order notes are written once', () => {
  it('a note whose POST lost its answer after the shop stored it is not posted again', async () => {
    const { connector } = await setup();
    const order = sim.addOrder({ status: 'on-hold' });
    // The proxy gives up on the hanging POST (the connection closes) after the shop stored the note.
    sim.fault({ kind: 'hang', applied: true, onArrival: (r) => r.drop() }, { match: isNotePost });
    await connector.setOrderStatus(String(order.id), {
      status: 'processing',
      paid: true,
      note: 'Zahlung erhalten',
    });
    expect(sim.order(order.id)?.notes).toEqual(['Zahlung erhalten']);
    expect(notePosts()).toHaveLength(1);
  });

  it('a shop still storing the note when the proxy gave up: the backoff comes before the read-back', async () => {
    let stillWorking: (() => void) | undefined;
    // The shop finishes the POST while the client waits its backoff, not before.
    const { connector, sleeps } = await setup(() => {
      stillWorking?.();
      stillWorking = undefined;
    });
    const order = sim.addOrder({ status: 'on-hold' });
    sim.fault(
      {
        kind: 'hang',
        onArrival: (r) => {
          stillWorking = r.apply;
          r.drop();
        },
      },
      { match: isNotePost },
    );
    await connector.setOrderStatus(String(order.id), { status: 'processing', note: 'Zahlung erhalten' });
    expect(sim.order(order.id)?.notes).toEqual(['Zahlung erhalten']);
    expect(notePosts()).toHaveLength(1);
    expect(sleeps).toEqual([1000]);
  });

  it('a proxy 502 after the shop stored the note: read back, not posted again', async () => {
    const { connector } = await setup();
    const order = sim.addOrder({ status: 'on-hold' });
    sim.fault({ kind: 'status', status: 502, applied: true }, { match: isNotePost });
    await connector.setOrderStatus(String(order.id), { status: 'processing', note: 'Zahlung erhalten' });
    expect(sim.order(order.id)?.notes).toEqual(['Zahlung erhalten']);
  });

  it('a POST that failed before the shop stored it is posted again, with backoff', async () => {
    const { connector, sleeps } = await setup();
    const order = sim.addOrder({ status: 'on-hold', notes: ['Zahlung erhalten'] });
    sim.fault({ kind: 'status', status: 503 }, { times: 2, match: isNotePost });
    await connector.setOrderStatus(String(order.id), { status: 'processing', note: 'Zahlung erhalten' });
    // The identical note from an earlier event neither stops the new one nor passes for it.
    expect(sim.order(order.id)?.notes).toEqual(['Zahlung erhalten', 'Zahlung erhalten']);
    expect(notePosts()).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gives up after the retry budget with SHOP_UNREACHABLE', async () => {
    const { connector } = await setup();
    const order = sim.addOrder({ status: 'on-hold' });
    sim.fault({ kind: 'status', status: 503 }, { times: 10, match: isNotePost });
    await expect(connector.client.addOrderNote(String(order.id), 'x')).rejects.toMatchObject({
      code: 'SHOP_UNREACHABLE',
    });
    expect(notePosts()).toHaveLength(4);
    expect(sim.order(order.id)?.notes).toEqual([]);
  });

  it("the simulator lists an order's notes as the REST API does (newest first)", async () => {
    const { connector } = await setup();
    const order = sim.addOrder();
    await connector.client.addOrderNote(String(order.id), 'eins');
    await connector.client.addOrderNote(String(order.id), 'zwei');
    const notes = await connector.client.listOrderNotes(String(order.id));
    expect(notes.map((n) => n.note)).toEqual(['zwei', 'eins']);
    expect(new Set(notes.map((n) => n.id)).size).toBe(2);
  });
});
