"""Name the everyday subjects no lesson is about, for the topic gate and the refusals."""

from __future__ import annotations

from typing import Final

# Everyday subjects learners may bring up that no lesson is about. The encoder is multilingual, so
# one description in English stands for a subject in every language. Broad on purpose: a
# question close to one of them and not closer to the lessons is about something else.
HEALTH: Final = "health, illness, pain, medicine, doctor"
EVERYDAY_SUBJECTS: Final = (
    "the weather forecast, rain, sun, temperature",
    "a cooking recipe, ingredients, dinner",
    "sport, football, a match, results, training for a run",
    HEALTH,
    "politics, elections, government, parliament, ministers",
    "shopping, prices, buying a product, sales, cheap",
    "maths, arithmetic, calculating numbers",
    "a joke, a funny story, a song",
    "public transport, train, bus, timetable, tickets",
    "the town hall, ID card, paperwork, taxes, benefits, unemployment",
    "housing, rent, furniture, home repairs",
    "pets, animals, the vet",
    "family, children, love, friends",
    "music, films, television, series",
    "cars, driving, fuel, parking",
    "garden, plants, flowers",
    "holidays, travel, hotels",
    "religion and beliefs",
    "school homework and exams",
    "household appliances, washing machine, fridge, phone subscription, internet provider",
    "insurance, health insurance, reimbursement",
)
