#!/usr/bin/env python3
"""Generates a corpus of realistic Swedish tender text for benchmarks.

Usage: scripts/gen_corpus.py OUT_DIR [FILES] [KB_PER_FILE]
Defaults: 500 files of about 100 KB each (about 50 MB). Deterministic.
"""
import os
import random
import sys

FILLER = [
    "Leverantören ska utföra uppdraget fackmässigt och i enlighet med gällande lagar, föreskrifter och branschpraxis.",
    "Beställaren ansvarar för att lämna de uppgifter som behövs för att uppdraget ska kunna utföras enligt tidplanen.",
    "Fakturering sker månadsvis i efterskott och betalning ska ske inom 30 dagar från godkänd faktura.",
    "Leverantören ska ha en kontaktperson som under avtalstiden ansvarar för samordning med beställarens förvaltning.",
    "Priserna ska vara fasta under det första avtalsåret och får därefter justeras enligt konsumentprisindex.",
    "Vid försenad leverans utgår förseningsvite med {n} kronor per påbörjad vecka, dock högst tio procent av ordervärdet.",
    "Arbetet ska bedrivas så att störningar för verksamheten, elever, brukare och närboende begränsas.",
    "Leverantören ska tillhandahålla personal med dokumenterad kompetens och erfarenhet av motsvarande uppdrag.",
    "Eventuella ändringar och tillägg till avtalet ska för att vara giltiga upprättas skriftligen och undertecknas av båda parter.",
    "Sekretess gäller för uppgifter om enskildas personliga förhållanden som leverantören tar del av i uppdraget.",
    "Miljökraven i bilaga {n} ska uppfyllas under hela avtalstiden och redovisas vid den årliga uppföljningen.",
    "Part har rätt att häva avtalet om motparten försätts i konkurs eller annars kan antas vara på obestånd.",
]

CLAUSE = [
    "Leverantören ska under avtalstiden följa diskrimineringslagen (2008:567).",
    "Leverantören ska upprätthålla principen om alla människors lika värde och verka för ökad tillgänglighet för personer med funktionsnedsättning.",
    "Leverantören ansvarar för att underleverantörer följer villkoren i detta avsnitt.",
    "På beställarens begäran ska leverantören inom {d} dagar redovisa hur villkoren i detta avsnitt uppfylls.",
    "Vid brott mot detta avsnitt ska leverantören betala vite med {n} kronor per påbörjad vecka.",
    "Leverantören bör i möjligaste mån arbeta med aktiva åtgärder.",
]


def document(rng, size):
    parts = [f"# Förfrågningsunderlag {rng.randint(1000, 9999)} – städtjänster\n"]
    section = 1
    while sum(len(p) for p in parts) < size:
        parts.append(f"\n## {section} Avsnitt {section}\n")
        for _ in range(rng.randint(3, 8)):
            sentences = [rng.choice(FILLER).format(n=rng.randint(1, 9) * 1000) for _ in range(rng.randint(2, 5))]
            parts.append("\n" + " ".join(sentences) + "\n")
        if section == 7:
            parts.append("\n### 7.4 Antidiskriminering\n")
            for line in CLAUSE:
                parts.append("\n" + line.format(d=rng.choice([10, 14, 30, 45]), n=rng.choice([5000, 25000, 50000])) + "\n")
        section += 1
    return "".join(parts)


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    kb = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    os.makedirs(out, exist_ok=True)
    rng = random.Random(2026)
    for i in range(files):
        with open(os.path.join(out, f"tender-{i:05}.md"), "w", encoding="utf-8") as f:
            f.write(document(rng, kb * 1024))


if __name__ == "__main__":
    main()
