-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "ended_at" TIMESTAMP(3);
