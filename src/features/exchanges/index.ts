export * from './exchange.js';
export { exchangesImport, type ExchangeInput } from './exchanges.import.js';
export { findExchange, loadExchanges, type ExchangeFilter } from './exchanges.repository.js';
export {
  addTally,
  exchangeStats,
  exchangeUnits,
  rowTally,
  unitBreakdown,
  unitReturned,
  type ExchangeStats,
  type ExchangeUnit,
  type Tally,
} from './exchange-stats.js';
export { exchangesRoutes } from './exchanges.routes.js';
export { formatExchangeStats } from './exchanges.cli.js';
export { exchangesCommands } from './exchanges.commands.js';
