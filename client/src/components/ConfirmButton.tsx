import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/** A button whose action runs only after the person confirms it in a dialog (closing cannot be undone). */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, className = 'danger' }: {
  label: string; title: string; children: ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown>; className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try { await onConfirm(); } finally { setBusy(false); setOpen(false); }
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>{label}</button>
      <Dialog open={open} title={title} onClose={() => setOpen(false)}>
        {children}
        <div className="actions">
          <button type="button" className={className} onClick={confirm} disabled={busy}>{busy ? 'Working…' : confirmLabel}</button>
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </div>
      </Dialog>
    </>
  );
}
