// The one seam between the console and the server's TypeBox contracts: types only, never runtime code,
// so the console bundle does not pull in typebox or server modules.
export type {
  UserDto as User,
  LoginBody,
  ServerToClientEvents,
  ClientToServerEvents,
} from '../../../server/src/contracts/index.ts';

export type Role = 'admin' | 'supervisor' | 'agent' | 'sales';

/** The error body every API route returns (architecture principle 7: one catalog of stable codes). */
export interface ErrorBody {
  code: string;
  message: string;
  details?: ErrorDetail[];
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface HealthReport {
  status: string;
  db: string;
  redis: string;
  pbx: string;
}
