// Opening a Channel for a connected store: decrypt its credentials, load its platform's
// connector, and give it the store's one governor (every request to a store spends one budget).
import type { Channel, ChannelConnection, Platform } from '../../channels/channel.ts';
import { loadChannelFactory } from '../../channels/registry.ts';
import type { Executor } from '../../db/transaction.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { createCredentialCipher, CredentialCipherError, type CredentialCipher } from '../../security/credential-cipher.ts';
import { governorForStore } from '../governor/store-governors.ts';
import { getStoreRow, type StoreRow } from './store-view.ts';

export interface OpenedStore {
  store: StoreRow;
  channel: Channel;
  connection: ChannelConnection;
}

/** The cipher for STOCKROOM_SECRET (or `secret`), with its errors as a sentence the caller can show. */
export function storeCipher(secret?: string): CredentialCipher {
  try {
    return createCredentialCipher(secret ?? process.env.STOCKROOM_SECRET);
  } catch (error) {
    if (error instanceof CredentialCipherError) throw new DomainError('conflict', error.message);
    throw error;
  }
}

export function decryptCredentials(cipher: CredentialCipher, store: StoreRow): Record<string, string> {
  try {
    return cipher.decryptJson<Record<string, string>>(store.credentials_encrypted);
  } catch (error) {
    if (error instanceof CredentialCipherError) throw new DomainError('conflict', `Store ${store.name}: ${error.message}`);
    throw error;
  }
}

export async function channelFor(store: StoreRow, cipher: CredentialCipher, timeoutMs?: number): Promise<OpenedStore> {
  const factory = await loadChannelFactory(store.platform);
  const connection: ChannelConnection = {
    platform: store.platform as Platform,
    url: store.url,
    credentials: decryptCredentials(cipher, store),
    remoteLocationId: store.remote_location_id,
  };
  const channel = factory(connection, { governor: governorForStore(store.id), timeoutMs });
  return { store, channel, connection };
}

export async function openStoreChannel(db: Executor, accountId: string, storeId: string, options: { secret?: string } = {}): Promise<OpenedStore> {
  const store = await getStoreRow(db, accountId, storeId);
  return channelFor(store, storeCipher(options.secret));
}
