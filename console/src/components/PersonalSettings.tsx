/** 个人设置: a button in the header; its dialog (a form) is loaded when opened, not with the first page. */
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';

const Dialog = lazy(() => import('./PersonalSettingsDialog'));

export function PersonalSettings({ email, saved }: { email: string | null; saved: (email: string | null) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        个人设置
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <Dialog email={email} saved={saved} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
