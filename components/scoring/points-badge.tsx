import { Badge } from "@/components/ui/badge";
import { signedPoints } from "./condition-summary";

/** A rule's points: green when they add, red when they take away. */
export function PointsBadge({ points }: { points: number }) {
  return (
    <Badge variant={points > 0 ? "success" : "danger"} className="tabular-nums">
      {signedPoints(points)}
    </Badge>
  );
}
