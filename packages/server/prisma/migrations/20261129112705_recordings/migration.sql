-- CreateEnum
CREATE TYPE "RecordingState" AS ENUM ('RECORDING', 'PAUSED', 'STOPPED');

-- CreateTable
CREATE TABLE "recordings" (
    "meeting_id" TEXT NOT NULL,
    "state" "RecordingState" NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "playable" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recordings_pkey" PRIMARY KEY ("meeting_id")
);

-- CreateTable
CREATE TABLE "recording_parts" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "duration_ms" INTEGER,
    "pid" INTEGER,
    "closed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "recording_parts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "floor_turns" (
    "id" SERIAL NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "site_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "floor_turns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recording_parts_meeting_id_index_key" ON "recording_parts"("meeting_id", "index");

-- CreateIndex
CREATE INDEX "floor_turns_meeting_id_at_idx" ON "floor_turns"("meeting_id", "at");

-- AddForeignKey
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recording_parts" ADD CONSTRAINT "recording_parts_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "recordings"("meeting_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "floor_turns" ADD CONSTRAINT "floor_turns_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "floor_turns" ADD CONSTRAINT "floor_turns_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

