import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: typing in a search box sends one query, not ten. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
