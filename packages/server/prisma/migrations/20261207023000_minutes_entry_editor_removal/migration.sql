-- AlterTable
ALTER TABLE "minutes_entries" ADD COLUMN     "editor_user_id" TEXT,
ADD COLUMN     "removed_at" TIMESTAMP(3),
ADD COLUMN     "removed_by_user_id" TEXT;

-- AddForeignKey
ALTER TABLE "minutes_entries" ADD CONSTRAINT "minutes_entries_editor_user_id_fkey" FOREIGN KEY ("editor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_entries" ADD CONSTRAINT "minutes_entries_removed_by_user_id_fkey" FOREIGN KEY ("removed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
