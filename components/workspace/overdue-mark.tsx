/** "Overdue" beside a date that has passed while it still called for action (a bid deadline, a follow-up). */
export function OverdueMark() {
  return <strong class="cl-ws__overdue">Overdue</strong>;
}
