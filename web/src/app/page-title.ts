import { useEffect } from 'react';

/** Every page names itself in the browser tab (WCAG 2.4.2), with the product after it. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} – Grunnmur` : 'Grunnmur';
  }, [title]);
}
