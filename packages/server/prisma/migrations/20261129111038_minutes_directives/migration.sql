-- CreateEnum
CREATE TYPE "DirectiveStatus" AS ENUM ('ASSIGNED', 'IN_PROGRESS', 'REPORTED_DONE', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "DirectivePriority" AS ENUM ('NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "DirectiveUnitRole" AS ENUM ('RESPONSIBLE', 'COORDINATING');

-- CreateTable
CREATE TABLE "minutes_entries" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "agenda_position" INTEGER,
    "speaker_site_id" TEXT,
    "speaker_name" TEXT,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "author_user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "minutes_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_minutes" (
    "meeting_id" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "minutes_number" TEXT NOT NULL DEFAULT '',
    "conclusions_number" TEXT NOT NULL DEFAULT '',
    "signer_title" TEXT NOT NULL DEFAULT '',
    "signer_name" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "meeting_minutes_pkey" PRIMARY KEY ("meeting_id")
);

-- CreateTable
CREATE TABLE "directives" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "agenda_position" INTEGER,
    "minutes_entry_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "priority" "DirectivePriority" NOT NULL DEFAULT 'NORMAL',
    "status" "DirectiveStatus" NOT NULL DEFAULT 'ASSIGNED',
    "reported_done_at" TIMESTAMP(3),
    "confirmed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "directives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directive_units" (
    "directive_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "role" "DirectiveUnitRole" NOT NULL,

    CONSTRAINT "directive_units_pkey" PRIMARY KEY ("directive_id","unit_id")
);

-- CreateTable
CREATE TABLE "directive_reports" (
    "id" TEXT NOT NULL,
    "directive_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "author_user_id" TEXT,
    "text" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directive_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directive_attachments" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directive_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "minutes_entries_meeting_id_at_idx" ON "minutes_entries"("meeting_id", "at");

-- CreateIndex
CREATE INDEX "directives_meeting_id_idx" ON "directives"("meeting_id");

-- CreateIndex
CREATE INDEX "directives_deadline_idx" ON "directives"("deadline");

-- CreateIndex
CREATE INDEX "directives_status_idx" ON "directives"("status");

-- CreateIndex
CREATE INDEX "directive_units_unit_id_idx" ON "directive_units"("unit_id");

-- CreateIndex
CREATE INDEX "directive_reports_directive_id_created_at_idx" ON "directive_reports"("directive_id", "created_at");

-- CreateIndex
CREATE INDEX "directive_attachments_report_id_idx" ON "directive_attachments"("report_id");

-- AddForeignKey
ALTER TABLE "minutes_entries" ADD CONSTRAINT "minutes_entries_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_entries" ADD CONSTRAINT "minutes_entries_speaker_site_id_fkey" FOREIGN KEY ("speaker_site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_entries" ADD CONSTRAINT "minutes_entries_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directives" ADD CONSTRAINT "directives_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directives" ADD CONSTRAINT "directives_minutes_entry_id_fkey" FOREIGN KEY ("minutes_entry_id") REFERENCES "minutes_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directives" ADD CONSTRAINT "directives_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_units" ADD CONSTRAINT "directive_units_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_units" ADD CONSTRAINT "directive_units_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_reports" ADD CONSTRAINT "directive_reports_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_reports" ADD CONSTRAINT "directive_reports_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_reports" ADD CONSTRAINT "directive_reports_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_attachments" ADD CONSTRAINT "directive_attachments_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "directive_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

