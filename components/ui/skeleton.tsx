interface SkeletonProps {
  /** What is loading, for screen readers; the grey bars themselves are hidden from them. */
  label: string;
}

/** Grey placeholder in the shape of a council card while the background answers. */
export function Skeleton({ label }: SkeletonProps) {
  return (
    <div class="cl-skeleton">
      <span class="cl-visually-hidden">{label}</span>
      <div aria-hidden="true">
        <div class="cl-skeleton__bar cl-skeleton__bar--title" />
        <div class="cl-skeleton__bar cl-skeleton__bar--badge" />
        <div class="cl-skeleton__rows">
          {[72, 56, 64, 48].map((width) => (
            <div class="cl-skeleton__bar" key={width} style={{ width: `${width}%` }} />
          ))}
        </div>
        <div class="cl-skeleton__bar cl-skeleton__bar--block" />
      </div>
    </div>
  );
}
