import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * A button whose action runs only after the person confirms it in a dialog that says what will
 * happen (closing, suspending or granting access is not a click to take back).
 */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  className = 'danger',
  disabled,
  describedBy,
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  className?: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} disabled={disabled} aria-describedby={describedBy}>
        {label}
      </button>
      <Dialog open={open} title={title} onClose={() => setOpen(false)}>
        {children}
        <div className="actions">
          <button type="button" className={className} onClick={confirm} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}
