import '@/lib/zod-jitless';
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import type { Envelope } from '@/lib/protocol';
import { readSettings, watchSettings } from '@/lib/extension/settings';
import { councilSiteOrigins } from '@/lib/extension/council-site-access';
import { CouncilLensDB } from './db';
import { registerCapture } from './capture';
import { registerCouncilSites } from './council-sites';
import { isBroadcast } from './broadcast';
import { createHandlerContext } from './handlers/context';
import { CONTENT_SCRIPT_MATCHES, type CallerEnv } from './handlers/callers';
import { dispatch } from './handlers/dispatch';

export default defineBackground(() => {
  const context = createHandlerContext(new CouncilLensDB());
  const { sync, reminders } = context;
  // Who may send what (handlers/index.ts): our pages by their origin, content scripts by the
  // sites they run on; council websites are the optional host permissions the badge script gets.
  const callers: CallerEnv = {
    extensionOrigin: browser.runtime.getURL('/'),
    sites: { ...CONTENT_SCRIPT_MATCHES, 'council-site': councilSiteOrigins() },
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (e: Envelope<unknown>) => void) => {
    // Only our own pages and content scripts; and every message is re-validated.
    if (sender.id !== browser.runtime.id) return;
    if (isBroadcast(message)) return;
    void dispatch(message, sender, context, callers).then(sendResponse);
    return true;
  });

  registerCapture(context.getKnowledge);
  registerCouncilSites();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void context.ensureDatasets(true);
    // A fresh install refreshes the packaged seed a minute later; an update keeps its schedule.
    void readSettings().then((settings) => sync.schedule(settings, reason === 'install'));
    // Chrome may drop alarms on an update: plan the reminders again from the annotations.
    void reminders.sync().catch(() => undefined);
  });
  // A backfill the worker was running when it stopped goes on (its alarm says one was going).
  void sync.resumeBackfill().catch((error: unknown) => console.error('Council Lens backfill:', error));
  browser.runtime.onStartup.addListener(() => {
    void context.ensureDatasets(false);
    void reminders.sync().catch(() => undefined);
    void readSettings().then((settings) => sync.schedule(settings, false));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void reminders
      .onAlarm(alarm.name)
      .then((handled) => (handled ? undefined : sync.onAlarm(alarm.name)))
      .catch((error: unknown) => console.error('Council Lens alarm:', error));
  });
  browser.notifications.onClicked.addListener((id) => void reminders.onNotificationClicked(id).catch(() => undefined));
  watchSettings((settings) => {
    void sync.schedule(settings, false);
    void reminders.sync().catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void context.tabs.delete(tabId);
  });
  // A navigation to another site leaves no content script behind to clear the panel and badge;
  // within a site, the content script reports every page view itself.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const next = change.url;
    if (!next) return;
    void context.tabs.get(tabId).then((previous) => {
      if (previous && new URL(previous.url).host !== new URL(next).host) void context.publish(null, tabId);
    });
  });

  // The toolbar button opens the popup, which has "Open side panel". Chrome keeps the panel
  // behaviour across updates, so an install that once opened the panel is set back explicitly.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  void chromeSidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
