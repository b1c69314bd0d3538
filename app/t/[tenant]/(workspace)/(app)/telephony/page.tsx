import { redirect } from "next/navigation";

export default function TelephonyPage() {
  redirect("/telephony/extensions");
}
