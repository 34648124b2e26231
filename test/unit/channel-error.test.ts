import { describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/channels/channel.ts';

describe('ChannelError', () => {
  it('marks throttling, outages and time-outs as retryable and refusals as final', () => {
    expect(new ChannelError('throttled', 'slow down').retryable).toBe(true);
    expect(new ChannelError('unavailable', 'down').retryable).toBe(true);
    expect(new ChannelError('auth', 'the store refused the access token').retryable).toBe(false);
    expect(new ChannelError('invalid', 'bad price').retryable).toBe(false);
  });
});
