import { useEffect, useState } from 'react';
import { formatDate } from '../lib/labels';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 d 4 h", "3 h 12 min", "12 min 5 s", "42 s": two units at most, the larger first. */
export function timeLeftText(ms: number): string {
  if (ms <= 0) return 'Expired';
  const parts: [number, string][] = [
    [Math.floor(ms / DAY), 'd'],
    [Math.floor(ms / HOUR) % 24, 'h'],
    [Math.floor(ms / MINUTE) % 60, 'min'],
    [Math.floor(ms / 1000) % 60, 's'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first < 0) return 'Less than a second left';
  return `${parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ')} left`;
}

/**
 * How long until a lead's respondBy, counting down each second; nothing without a deadline.
 * Under an hour it is marked urgent.
 */
export function TimeLeft({ until }: { until: string | null | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until) return null;
  const left = new Date(until).getTime() - now;
  return (
    <time dateTime={until} className={left < HOUR ? 'time-left time-left-urgent' : 'time-left'} title={`Respond by ${formatDate(until)}`}>
      {timeLeftText(left)}
    </time>
  );
}
