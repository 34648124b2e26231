// A connected store as the engine drives it: its row, and its Channel speaking through the
// store's one governor (opened by the stores module).
import type { Channel } from '../../channels/channel.ts';
import type { CredentialCipher } from '../../security/credential-cipher.ts';
import { channelFor, storeCipher } from '../stores/store-channel.ts';
import type { StoreRow } from '../stores/store-view.ts';
import '../stock-tables.ts';

export type { StoreRow };

export interface SyncStore {
  row: StoreRow;
  channel: Channel;
}

export async function openSyncStore(row: StoreRow, cipher: CredentialCipher = storeCipher()): Promise<SyncStore> {
  const opened = await channelFor(row, cipher);
  return { row, channel: opened.channel };
}
