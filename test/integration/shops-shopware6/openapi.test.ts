import { describe, expect, it } from 'vitest';
import {
  changedOrdersCriteria,
  changedTransactionsCriteria,
  openOrdersCriteria,
  orderByIdCriteria,
  ordersByIdsCriteria,
  paymentMethodsCriteria,
  stateMachineStatesCriteria,
} from '#core/shops/shopware6/criteria.ts';
import { loadShopwareSpec, specProblems } from './openapi.ts';

const spec = loadShopwareSpec();

describe('the Shopware OpenAPI check', () => {
  it('accepts every criteria the connector builds', () => {
    const bodies = [
      changedOrdersCriteria('updated', '2026-11-02 09:00:00.000', { skipIds: [] }, 100),
      changedOrdersCriteria('updated', undefined, { skipIds: [] }, 100),
      changedOrdersCriteria(
        'created',
        '2026-11-02 09:00:00.000',
        { at: '2026-11-02 09:10:00.000', skipIds: ['0'.repeat(32)] },
        5,
      ),
      openOrdersCriteria(['open', 'in_progress'], 250, 250),
      orderByIdCriteria('a'.repeat(32)),
      ordersByIdsCriteria(['a'.repeat(32), 'b'.repeat(32)]),
    ];
    for (const body of bodies) expect(spec.request('POST', '/search/order', body)).toEqual([]);
    for (const body of [
      changedTransactionsCriteria('2026-11-02 09:00:00.000', { skipIds: [] }, 100),
      changedTransactionsCriteria(undefined, { at: '2026-11-02 09:10:00.000', skipIds: ['0'.repeat(32)] }, 5),
      changedTransactionsCriteria(undefined, { skipIds: [] }, 5),
    ])
      expect(spec.request('POST', '/search/order-transaction', body)).toEqual([]);
    expect(spec.request('POST', '/search/payment-method', paymentMethodsCriteria())).toEqual([]);
    expect(spec.request('POST', '/search/state-machine-state', stateMachineStatesCriteria())).toEqual([]);
  });

  it('is not vacuous: it rejects wrong requests and responses', () => {
    const log = [
      {
        method: 'POST',
        path: '/api/search/order',
        requestBody: { 'total-count-mode': 1, limit: '10' },
        status: 200,
        responseBody: { total: 1, data: [{ id: 'x' }] },
      },
      {
        method: 'POST',
        path: '/api/_action/order_transaction/123/state/paid',
        requestBody: {},
        status: 200,
        responseBody: undefined,
      },
      {
        method: 'POST',
        path: '/api/search/order',
        requestBody: {},
        status: 401,
        responseBody: { errors: [{ status: '401' }] },
      },
      { method: 'GET', path: '/api/no/such/route', requestBody: undefined, status: 200, responseBody: {} },
    ];
    const problems = specProblems(spec, log).map((p) => p.where);
    expect(problems).toEqual([
      'POST /search/order request body',
      'POST /search/order 200 response',
      'POST /_action/order_transaction/123/state/paid path parameter orderTransactionId',
      'POST /search/order 401 response',
      'GET /no/such/route',
      'GET /no/such/route',
    ]);
  });
});
