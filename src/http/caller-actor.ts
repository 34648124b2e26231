// How a movement records who made it when it came through the API.
import type { Caller } from '../auth/sessions.ts';

export function actorOf(caller: Caller): string {
  return `${caller.via === 'token' ? 'api-token' : 'user'}:${caller.userId}`;
}
