CREATE TABLE "job_marks" (
	"job" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_marks_job_key_pk" PRIMARY KEY("job","key")
);
