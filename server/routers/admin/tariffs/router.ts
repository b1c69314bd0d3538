import { router } from "@/server/trpc/init";

/** The console's rate decks: buy and sell decks, their rates, CSV import and export, versions, and the tariff simulator. */
export const adminTariffsRouter = router({});
