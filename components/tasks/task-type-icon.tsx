import { CalendarClockIcon, ListTodoIcon, MailIcon, PhoneIcon, type LucideProps } from "lucide-react";
import type { TaskType } from "@/lib/schemas/task";

const ICONS = { call: PhoneIcon, email: MailIcon, meeting: CalendarClockIcon, todo: ListTodoIcon } as const;

export function TaskTypeIcon({ type, ...props }: { type: TaskType } & LucideProps) {
  const Icon = ICONS[type];
  return <Icon aria-hidden {...props} />;
}
