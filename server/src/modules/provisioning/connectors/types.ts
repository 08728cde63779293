/** The one shape every connector has: what provisioning asks of a target system. */

/** A person as a target system sees them. */
export interface AccountData {
  username: string;
  email: string | null;
  givenName: string;
  familyName: string;
  employeeNumber: string;
  /** What the system called the account last time (its id, or DN), when known. */
  externalId?: string | null;
}

/** An account as read back from the system. */
export interface ObservedAccount {
  username: string;
  externalId: string;
  active: boolean;
  email: string | null;
  displayName: string | null;
  /** Group identifiers (LDAP group DN, SCIM group displayName), as system_roles.target_group names them. */
  groups: string[];
}

/** What a connector did, for the operation's record. Every call checks the current state first. */
export interface Outcome {
  externalId?: string;
  note: string;
}

export interface Connector {
  /** Creates the account, or enables it if it exists but is disabled; nothing if it is there. */
  createAccount(account: AccountData): Promise<Outcome>;
  /** Brings name and e-mail up to date. */
  updateAccount(account: AccountData): Promise<Outcome>;
  /** Gives the account a new username, keeping its memberships. */
  renameAccount(previousUsername: string, account: AccountData): Promise<Outcome>;
  disableAccount(account: AccountData): Promise<Outcome>;
  addToGroup(account: AccountData, group: string): Promise<Outcome>;
  removeFromGroup(account: AccountData, group: string): Promise<Outcome>;
  listAccounts(): Promise<ObservedAccount[]>;
  close(): Promise<void>;
}

/** A failure the operator can act on (wrong settings, missing group); retrying will not help. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}
