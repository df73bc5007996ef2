import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (for "hace 5 s" labels; fetches nothing). */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
