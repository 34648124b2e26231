// The shell: login gate, navigation, the jobs indicator, and the screen for the current route.
import { useState } from 'react';
import { LoginScreen } from '../auth/LoginScreen.tsx';
import { useSession } from '../auth/session.tsx';
import { ProductEditor } from '../editor/ProductEditor.tsx';
import { JobsIndicator } from '../jobs/JobsIndicator.tsx';
import { JobsProvider } from '../jobs/jobs.tsx';
import { ProductsScreen } from '../products/ProductsScreen.tsx';
import { StoreScreen } from '../stores/StoreScreen.tsx';
import { StoresScreen } from '../stores/StoresScreen.tsx';
import { TillScreen } from '../till/TillScreen.tsx';
import { Loading } from '../ui/feedback.tsx';
import { UsersScreen } from '../users/UsersScreen.tsx';
import { useRoute } from './router.ts';

const sections = [
  { path: 'products', label: 'Inventory', sub: 'Products' },
  { path: 'stores', label: 'Marketplace', sub: 'Stores' },
  { path: 'till', label: 'Till', sub: '' },
  { path: 'users', label: 'Users', sub: '' },
];

export function App() {
  const { session, checking, logout } = useSession();
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);

  if (checking) return <Loading what="Stockroom" />;
  if (!session) return <LoginScreen />;

  const [section = 'products', id] = route;
  let screen;
  if (section === 'products' && id === 'new') screen = <ProductEditor key="new" productId={null} />;
  else if (section === 'products' && id) screen = <ProductEditor key={id} productId={id} />;
  else if (section === 'stores' && id) screen = <StoreScreen key={id} storeId={id} />;
  else if (section === 'stores') screen = <StoresScreen />;
  else if (section === 'till') screen = <TillScreen />;
  else if (section === 'users') screen = <UsersScreen />;
  else screen = <ProductsScreen />;

  return (
    <JobsProvider>
    <div className="shell">
      <header className="topbar">
        <button className="ghost menu-button" aria-label="Menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          ☰
        </button>
        <a className="brand-mark" href="#/products">
          Stockroom
        </a>
        <nav className={menuOpen ? 'mainnav open' : 'mainnav'} aria-label="Main" onClick={() => setMenuOpen(false)}>
          {sections.map((s) => (
            <a key={s.path} href={`#/${s.path}`} className={section === s.path ? 'active' : ''} aria-current={section === s.path ? 'page' : undefined}>
              {s.label}
              {s.sub && <span className="nav-sub"> · {s.sub}</span>}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          <JobsIndicator />
          <span className="who muted small" title={session.account.name}>
            {session.user.email}
          </span>
          <button className="ghost" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      </header>
      <main className="content">{screen}</main>
    </div>
    </JobsProvider>
  );
}
