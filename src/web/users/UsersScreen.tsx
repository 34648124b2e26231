// The account's users; add a login.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { itemsOf } from '../ui/useMasterData.ts';
import { Empty, ErrorText, Loading, Notice } from '../ui/feedback.tsx';

export function UsersScreen() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(itemsOf(await api.get<unknown>('/api/users')) as unknown as User[]);
    } catch (caught) {
      setError(errorSentence(caught));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setAddError(null);
    setAdded(null);
    try {
      await api.post('/api/users', { email: email.trim(), password });
      setAdded(`${email.trim()} can now log in.`);
      setEmail('');
      setPassword('');
      await load();
    } catch (caught) {
      setAddError(errorSentence(caught));
    }
  }

  return (
    <section className="screen">
      <header className="screen-head">
        <div>
          <p className="crumbs">Account</p>
          <h1>Users</h1>
        </div>
      </header>
      <ErrorText error={error} />
      {users === null && !error && <Loading what="users" />}
      {users?.length === 0 && <Empty>No users.</Empty>}
      {users && users.length > 0 && (
        <ul className="card list-plain" data-testid="users-list">
          {users.map((user) => (
            <li key={user.id}>{user.email}</li>
          ))}
        </ul>
      )}
      <form className="card" onSubmit={add} aria-label="Add a user">
        <h2>Add a user</h2>
        <div className="form-grid">
          <label>
            Email
            <input name="newEmail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label>
            Password
            <input name="newPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
        </div>
        <ErrorText error={addError} />
        {added && <Notice>{added}</Notice>}
        <div className="actions">
          <button className="primary" type="submit">
            Add user
          </button>
        </div>
      </form>
    </section>
  );
}
