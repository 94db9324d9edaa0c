import type { Exchange } from '../src/features/exchanges/index.js';

/** An exchange row with the defaults of a plain one-day exchange; override what a test needs. */
export function exchange(over: Partial<Exchange> & { id: string; dateStart: string }): Exchange {
  const dateFrom = over.dateFrom ?? over.dateStart;
  return {
    kind: 'exchange',
    groupId: null,
    agreement: null,
    dateEnd: null,
    dateFrom,
    dateTo: over.dateTo ?? over.dateEnd ?? dateFrom,
    returned: null,
    returnedQualifier:
      over.returned === undefined || over.returned === null ? 'not_disclosed' : 'exact',
    military: null,
    civilians: null,
    men: null,
    women: null,
    seriouslyIllOrWounded: null,
    releasedWithoutExchange: null,
    bodiesReturned: null,
    mediator: null,
    notes: null,
    sources: [{ id: 'url-test', title: null, url: 'https://example.org/report' }],
    ...over,
  };
}
