# The two commands of the README. Both set everything up on a fresh Debian machine.
.PHONY: demo test lint bench eval setup setup-test

VENV := .venv/bin
CORPUS := $(wildcard corpus/*.txt corpus/*.docx corpus/*.pdf)
REPORTS := $(filter-out %.json,$(wildcard corpus/reports/*22-3*))

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

demo: setup
	@mkdir -p out
	@$(VENV)/decree extract $(CORPUS) -o out/corpus.jsonl || true
	@$(VENV)/decree extract --format text corpus/sample-drsop-22-3.txt > out/sample-drsop-22-3.txt
	@$(VENV)/decree eval corpus/ > out/eval.txt
	@$(VENV)/decree check corpus/sample-drsop-22-3.txt $(REPORTS) > out/check-22-3.txt
	@$(VENV)/decree check corpus/sample-drsop-22-3.txt $(REPORTS) --format xlsx -o out/check-22-3.xlsx
	@$(VENV)/decree review corpus/sample-drsop-22-3.txt -o out/review-22-3.html
	@$(VENV)/decree check corpus/sample-drsop-22-3.txt $(REPORTS) --format html -o out/check-22-3.html
	@cat out/sample-drsop-22-3.txt
	@echo
	@cat out/check-22-3.txt
	@echo
	@cat out/eval.txt
	@echo
	@$(VENV)/decree draft resolution corpus/sample-drsop-22-3.txt $(REPORTS) \
	    --meeting-date 2023-12-14 --number 25-4 -o out/resolution-25-4.docx --pdf
	@$(VENV)/decree draft appointment --from-report corpus/reports/energoprof-22-3-cp1251.txt \
	    --basis corpus/sample-drsop-22-3.txt --date 2023-09-12 --number 14 -o out/appointment-14.docx --pdf
	@$(VENV)/decree draft card corpus/sample-drsop-22-3.txt $(REPORTS) --as-of 2023-12-01 \
	    -o out/control-card-22-3.docx --pdf
	@echo
	@echo "demo: the structure of every corpus document is in out/corpus.jsonl (JSON Lines)," \
	      "a readable summary of the sample decree in out/sample-drsop-22-3.txt," \
	      "the status of its directives by organization in out/check-22-3.txt and .xlsx," \
	      "pages to open in a browser: out/review-22-3.html (the decree with every fact" \
	      "highlighted) and out/check-22-3.html (the status matrix with the evidence)," \
	      "the evaluation against the gold in out/eval.txt;" \
	      "drafts for the next meeting: out/resolution-25-4.docx, out/appointment-14.docx," \
	      "out/control-card-22-3.docx (and a PDF of each where LibreOffice is installed)"

test: setup-test
	@$(VENV)/python -m pytest -q

lint: setup
	@$(VENV)/ruff check pipeline cli.py tests bench scripts
	@$(VENV)/ruff format --check pipeline cli.py tests bench scripts

eval: setup
	@$(VENV)/decree eval corpus/ --details

bench: setup
	@$(VENV)/python bench/bench_extract.py
