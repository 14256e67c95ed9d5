/** One schema version: SQL run in the same transaction that sets user_version. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
