import { getDictionary, translate } from "@/lib/i18n";
import {
  VersionChangeResult,
  VersionDiff,
  VersionDiffInput,
  VersionListInput,
  VersionPage,
  VersionRestoreInput,
} from "@/lib/schemas/billing-tariffs";
import { diffVersions, listVersions, restoreVersion } from "@/server/services/billing/decks/versions";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { deckVersionProcedure } from "./deck-version-procedure";

export const versionsRouter = router({
  list: adminProcedure
    .input(VersionListInput)
    .output(VersionPage)
    .query(({ ctx, input }) => listVersions(ctx.db, input)),
  diff: adminProcedure
    .input(VersionDiffInput)
    .output(VersionDiff)
    .query(({ ctx, input }) => diffVersions(ctx.db, input)),
  /** A new version with an earlier one's rates; the note says which, in the operator's language. */
  restore: deckVersionProcedure
    .input(VersionRestoreInput)
    .output(VersionChangeResult)
    .mutation(({ ctx, input }) => {
      const dict = getDictionary(ctx.locale);
      const note = (number: number) => input.note ?? translate(dict, "tariffs.versions.restoredNote", { number });
      return restoreVersion(ctx.db, input.versionId, note, { userId: ctx.admin.userId }, ctx.audit);
    }),
});
