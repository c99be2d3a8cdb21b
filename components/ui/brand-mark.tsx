/** The Council Lens mark: a lens over a civic building. Decorative; the name is always beside it. */
export function BrandMark() {
  return (
    <svg class="cl-brand-mark" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="8.5" cy="8.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M5 11h7M6 10V7.5M8.5 10V7.5M11 10V7.5M4.8 6.5 8.5 4.5l3.7 2z" fill="none" stroke="currentColor" stroke-width="1.3" />
      <path d="m13.3 13.3 4.7 4.7" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
    </svg>
  );
}
