import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { councilSiteOrigins, hasCouncilSites, removeCouncilSites, requestCouncilSites } from '@/lib/extension/council-site-access';
import { updateSettings } from '@/lib/extension/settings';
import type { Settings } from '@/lib/settings';
import { errorText } from '@/components/format';

/** The council-website switch: the option and the browser permission, kept together. */
export function useCouncilSites(settings: Settings | null, setSettings: (next: Settings) => void) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    // The permission can also be taken back in the browser's extension settings.
    const check = () => void hasCouncilSites().then(setGranted, () => setGranted(false));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  const change = (on: boolean) => {
    if (on) {
      // First, inside the click: the browser shows its prompt only for a user gesture.
      const asked = requestCouncilSites();
      setBusy(true);
      setMessage('Waiting for your answer to the browser’s permission prompt…');
      void asked
        .then(async (ok) => {
          setGranted(ok);
          if (!ok) return setMessage('Not turned on: the browser’s permission was not given.');
          setSettings(await updateSettings({ cardOnCouncilSites: true }));
          setMessage('On. Council websites you open from now on show the badge.');
        })
        .catch((e: unknown) => setMessage(`Couldn’t ask for the permission: ${errorText(e)}`))
        .finally(() => setBusy(false));
      return;
    }
    setBusy(true);
    void (async () => {
      // The option first, so the background stops the badge even if giving back the permission fails.
      setSettings(await updateSettings({ cardOnCouncilSites: false }));
      await removeCouncilSites();
      setGranted(false);
      setMessage('Off. The permission for council websites was given back.');
    })()
      .catch((e: unknown) => setMessage(`Couldn’t give back the permission: ${errorText(e)}`))
      .finally(() => setBusy(false));
  };

  return {
    enabled: settings === null || granted === null ? null : settings.cardOnCouncilSites && granted,
    busy,
    message,
    siteCount: councilSiteOrigins().length,
    change,
  };
}
