import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's heading: sets the document title and moves focus here when the page opens, so a
 * screen reader announces the new page after client-side navigation.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Seller Leads Pool`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
