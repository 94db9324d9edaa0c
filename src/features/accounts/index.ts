export {
  addAccount,
  listAccounts,
  login,
  logout,
  sessionFor,
  updateAccount,
  type Account,
  type Session,
} from './accounts.repository.js';
export { accountsRoutes, SESSION_COOKIE } from './accounts.routes.js';
export { enrolTotp, removeTotp } from './totp.js';
export { accountsCommands } from './accounts.commands.js';
