import { formatDate, plural } from '@/components/format';
import type { LayoutSummaryRow } from '@/lib/sites/layout-health';

const KIND: Record<LayoutSummaryRow['kind'], string> = {
  'linkedin-profile': 'Profiles',
  'linkedin-company': 'Company pages',
};

const VIA: Record<LayoutSummaryRow['via'], string> = {
  classic: 'Structure: classic layout',
  sdui: 'Structure: 2026 layout',
  public: 'Structure: public profile (signed out)',
  text: 'Page text only: layout not recognised',
};

export interface LayoutHealthProps {
  /** From summariseLayoutHealth; null while loading. */
  rows: LayoutSummaryRow[] | null;
}

/**
 * The layout-health section of the options page: how this browser's last LinkedIn pages were
 * read, per page kind and layout, so a user can tell when LinkedIn changed and say so in a bug report.
 */
export function LayoutHealth({ rows }: LayoutHealthProps) {
  const pages = rows?.reduce((n, r) => n + r.pages, 0) ?? 0;
  const text = rows?.filter((r) => r.via === 'text').reduce((n, r) => n + r.pages, 0) ?? 0;
  return (
    <section aria-labelledby="cl-layout-health">
      <h2 id="cl-layout-health">How LinkedIn pages were read</h2>
      {rows === null ? (
        <p>Loading…</p>
      ) : pages === 0 ? (
        <p>No LinkedIn pages read in this browser yet.</p>
      ) : (
        <>
          <p>
            Of the last {plural(pages, 'LinkedIn page', 'LinkedIn pages')} in this browser,{' '}
            {text === 0 ? 'every one was read from its structure.' : `${text} could only be read from the page text.`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Read by</th>
                <th scope="col">Pages</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}|${row.via}`}>
                  <td>{KIND[row.kind]}</td>
                  <td>{VIA[row.via]}</td>
                  <td>{row.pages}</td>
                  <td>{formatDate(new Date(row.last).toISOString()) ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="cl-hint">
        Kept in this browser only, without names or addresses. When pages that used to be read by their structure start
        falling back to the page text, LinkedIn has probably changed its pages: please mention this table in a bug report.
      </p>
    </section>
  );
}
