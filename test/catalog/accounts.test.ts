import { expect, it } from 'vitest';
import { createAccount, ensureDefaultAccount, findAccountByName } from '../../src/accounts/accounts.ts';
import { createLocation, deleteLocation, listLocations, renameLocation, resolveLocation } from '../../src/accounts/locations.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount } from './fixtures.ts';

forEachDialect('accounts and locations', (getHandle) => {
  it('gives an empty database the default account with Main, once', async () => {
    const handle = getHandle();
    const first = await ensureDefaultAccount(handle);
    const again = await ensureDefaultAccount(handle);
    expect(again.id).toBe(first.id);
    expect(first.name).toBe('Default');
    expect((await listLocations(handle, first.id)).map((location) => location.name)).toEqual(['Main']);
    expect((await findAccountByName(handle, ' Default '))?.id).toBe(first.id);
    expect(await findAccountByName(handle, 'Nobody')).toBeUndefined();
    await expect(createAccount(handle, { name: 'Default' })).rejects.toThrow('An account named "Default" already exists.');
  });

  it('creates, renames and deletes locations; names are unique ignoring case', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const back = await createLocation(handle, account.id, { name: 'Back room' });
    await expect(createLocation(handle, account.id, { name: ' back ROOM ' })).rejects.toThrow('A location named "back ROOM" already exists.');
    await expect(createLocation(handle, account.id, { name: '  ' })).rejects.toThrow('A location needs a name.');
    await renameLocation(handle, account.id, back.id, { name: 'Store room' });
    expect((await resolveLocation(handle.db, account.id, 'STORE ROOM')).id).toBe(back.id);
    expect((await resolveLocation(handle.db, account.id)).name).toBe('Main');
    await deleteLocation(handle, account.id, back.id);
    expect((await listLocations(handle, account.id)).map((location) => location.name)).toEqual(['Main']);
    const main = (await listLocations(handle, account.id))[0];
    await expect(deleteLocation(handle, account.id, main.id)).rejects.toThrow('An account needs at least one location.');
    const other = await newAccount(handle);
    await expect(renameLocation(handle, other.id, main.id, { name: 'Mine now' })).rejects.toThrow('That location does not exist.');
  });
});
