export interface CouncilSitesSettingProps {
  /** On only while the option is on and the browser grants the council sites; null while reading. */
  enabled: boolean | null;
  /** A permission prompt or change is under way. */
  busy: boolean;
  /** What happened last (turned on, refused, failed), announced politely. */
  message: string;
  /** How many council websites the permission covers. */
  siteCount: number;
  onChange: (enabled: boolean) => void;
}

/** The options section for the council-website badge: the switch and what it asks for, and why. */
export function CouncilSitesSetting({ enabled, busy, message, siteCount, onChange }: CouncilSitesSettingProps) {
  return (
    <section aria-labelledby="cl-council-sites">
      <h2 id="cl-council-sites">Council websites</h2>
      <p>
        On a council's own website, a small Council Lens badge in the corner of the page opens that council's card. A
        website two councils share (such as adur-worthing.gov.uk) shows both.
      </p>
      <label class="cl-switch">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === null || busy}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            // Stays as it was until the browser answers; the caller re-renders with the outcome.
            e.currentTarget.checked = enabled ?? false;
            onChange(next);
          }}
        />
        <span>Show the council card on council websites</span>
      </label>
      <p class="cl-hint">
        Off by default, because it needs your browser's permission to run on {siteCount.toLocaleString('en-GB')} council
        websites, which the browser asks you for when you turn it on. On those sites it reads only the page's address, to
        match it to a council; it reads nothing else on the page and sends nothing anywhere. Turning it off gives the
        permission back. Without it, the toolbar button still shows the card for the council site you are on.
      </p>
      <p class="cl-status" role="status">
        {message}
      </p>
    </section>
  );
}
