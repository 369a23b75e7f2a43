/*
 * gencsv: write a synthetic hardware-like CSV table for the benchmarks.
 *
 *	gencsv ROWS > file.csv
 *
 * Each row is about 160 bytes: ids, names with commas (so quoted), a vendor
 * and category from short lists, numbers of several kinds, and free text
 * with commas and doubled quotes.  The output depends on ROWS alone (a
 * fixed-seed generator), so every run benchmarks the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*: fast, and the same everywhere. */
static uint64_t
next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static unsigned
pick(unsigned n)
{
	return (unsigned)(next() % n);
}

int
main(int argc, char **argv)
{
	static const char *const vendors[] = { "NVIDIA", "AMD", "Google",
	    "AWS", "Intel", "Groq", "Cerebras", "SambaNova", "Graphcore",
	    "Microsoft", "Meta", "Qualcomm" };
	static const char *const categories[] = { "GPU", "TPU", "ASIC", "LPU",
	    "wafer-scale", "IPU", "RDU", "NPU" };
	static const char *const statuses[] = { "shipping", "announced",
	    "retired", "unverified" };
	static const char *const words[] = { "rack", "spare", "burn-in",
	    "firmware", "liquid", "air", "cooled", "refurbished", "leased",
	    "reserved", "on-demand", "spot", "HBM3e", "NVLink", "PCIe",
	    "Ethernet", "InfiniBand", "north", "south", "hall" };
	long rows, r;
	unsigned k, nw;

	if (argc != 2 || (rows = strtol(argv[1], NULL, 10)) < 0) {
		fprintf(stderr, "usage: gencsv ROWS\n");
		return 2;
	}
	printf("id,name,vendor,category,status,year,memory_gb,memory_bw_tbs,"
	    "bf16_tflops,tdp_w,price_usd_h,serial,notes\n");
	for (r = 0; r < rows; r++) {
		const char *v = vendors[pick(12)];

		printf("node-%07ld,\"%s X%u, rev %c\",%s,%s,%s,%u,%u,%u.%02u,"
		    "%u.%u,%u,%u.%04u,SN%08X%04X,\"", r, v, 100 + pick(900),
		    'A' + pick(6), v, categories[pick(8)], statuses[pick(4)],
		    2016 + pick(11), 16 * (1 + pick(18)), 1 + pick(8),
		    pick(100), 50 + pick(2450), pick(10), 75 + pick(1426),
		    pick(13), pick(10000), (unsigned)next(),
		    (unsigned)(next() & 0xffff));
		nw = 4 + pick(6);
		for (k = 0; k < nw; k++) {
			printf("%s%s", k ? (pick(4) ? " " : ", ") : "",
			    words[pick(20)]);
			if (pick(16) == 0)
				printf(" \"\"%s\"\"", words[pick(20)]);
		}
		printf("\"\n");
	}
	return ferror(stdout) != 0;
}
