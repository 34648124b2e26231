// Hash routes (#/products, #/stores/ID …): a reload lands on the same screen whatever the
// server does with unknown paths, and no routing library is needed for a handful of screens.
import { useEffect, useState } from 'react';

export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/products';
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}
