-- AlterEnum
ALTER TYPE "UnitKind" ADD VALUE 'WARD';
