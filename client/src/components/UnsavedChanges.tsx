import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from './Dialog';

/**
 * While a form holds unsaved edits: leaving for another page of the app asks first, and the browser
 * asks before a reload or closing the tab.
 */
export function UnsavedChanges({ when, what }: { when: boolean; what: string }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return (
    <Dialog open={blocker.state === 'blocked'} title="Leave without saving?" onClose={() => blocker.reset?.()}>
      <p>Your changes to {what} are not saved and will be lost.</p>
      <div className="actions">
        <button type="button" onClick={() => blocker.reset?.()}>
          Stay and keep editing
        </button>
        <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </Dialog>
  );
}
