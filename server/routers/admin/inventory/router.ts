import { router } from "@/server/trpc/init";

export const adminInventoryRouter = router({});
