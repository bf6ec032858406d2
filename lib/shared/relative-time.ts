/**
 * The instant to show for a past event: never after `now`. A browser clock a little behind
 * the server's, or a "now" that last ticked seconds ago, would otherwise print "in 3
 * seconds" for something that has already happened.
 */
export function pastOrNow(value: Date, now: Date): Date {
  return value.getTime() > now.getTime() ? now : value;
}
