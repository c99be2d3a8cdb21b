import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';
import { AnnotationSchema, ProspectSchema, type Annotation, type Prospect } from '@/lib/workspace';
import type { AnnotatedNotice } from '@/lib/workspace/annotation-draft';

export const T0 = Date.parse('2026-11-30T09:00:00.000Z');

export const CF_KEY = 'ocds-b5fd17-2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d';
export const FTS_KEY = 'find-a-tender:034567-2026';

/** The notice page that `annotation()` annotates, as the notice panel reads it. */
export const NOTICE: AnnotatedNotice = {
  key: CF_KEY,
  site: 'contracts-finder',
  noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d',
  title: 'Day opportunities for older people',
  buyerName: 'Leeds City Council',
  deadline: '2027-01-15T12:00',
  council: 'LDS',
  serviceGroup: 'adult-social-care',
};

/** An annotation with every field written at T0 unless overridden. */
export function annotation(extra: Partial<Annotation> & { key?: string } = {}): Annotation {
  const base = {
    key: CF_KEY,
    site: 'contracts-finder',
    noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d',
    title: 'Day opportunities for older people',
    buyerName: 'Leeds City Council',
    council: 'LDS',
    serviceGroup: 'adult-social-care',
    status: 'watching',
    tags: ['care', 'framework'],
    notes: '',
    noticeDeadline: '2027-01-15T12:00',
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    fieldTimes: { site: T0, noticeUrl: T0, title: T0, buyerName: T0, council: T0, serviceGroup: T0, status: T0, tags: T0, notes: T0, noticeDeadline: T0 },
  };
  return AnnotationSchema.parse({ ...base, ...extra });
}

export function prospect(extra: Partial<Prospect> = {}): Prospect {
  const base = {
    id: 'linkedin:priya-sharma',
    name: 'Priya Sharma',
    title: 'Head of Commissioning, Adults',
    council: 'LDS',
    councilName: 'Leeds City Council',
    serviceGroup: 'adult-social-care',
    seniority: 'senior-manager',
    profileUrl: 'https://www.linkedin.com/in/priya-sharma/',
    notes: '',
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    fieldTimes: { name: T0, title: T0, council: T0, councilName: T0, serviceGroup: T0, seniority: T0, profileUrl: T0, notes: T0 },
  };
  // A prospect's id follows its profile address: another id is another person's profile.
  const profileUrl = extra.profileUrl ?? (extra.id ? `https://www.linkedin.com/in/${extra.id.slice('linkedin:'.length)}/` : base.profileUrl);
  return ProspectSchema.parse({ ...base, profileUrl, ...extra });
}

export function fixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'tests/fixtures/workspace', name), 'utf8');
}
