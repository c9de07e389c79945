"""Demo products: generic descriptions of common kinds, not endorsements of a brand."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from unknot.products.models import Area, Product

# (slug, name, kind, price, areas, summary, description, picture alt)
PRODUCTS = [
    ("smooth-foam-roller", "Smooth foam roller, 45 cm", "foam_roller", "24.90",
     ["upper_back", "mid_back", "front_thigh", "back_thigh", "calf", "glutes", "hip"],
     "A firm but forgiving roller for the big muscles of the legs and upper back.",
     "A smooth, medium-density foam cylinder, 45 cm long and 15 cm across: long enough to "
     "roll both legs or the whole upper back, light enough to carry.\n\nSmooth rollers "
     "spread pressure evenly, which makes them the best first roller. Roll slowly, about an "
     "inch a second, for one to two minutes per area.",
     "A green foam roller lying on its side."),
    ("textured-foam-roller", "Textured foam roller, 33 cm", "foam_roller", "29.00",
     ["front_thigh", "back_thigh", "calf", "glutes"],
     "A shorter roller with ridges for firmer, more focused pressure on the legs.",
     "A hollow-core roller with raised ridges and knobs. The texture presses deeper than a "
     "smooth roller, so it suits people used to rolling; start with a smooth one if you are "
     "new to it.\n\nNot for the lower back: roll the muscles around it instead.",
     "A green ridged foam roller lying on its side."),
    ("spiky-massage-ball", "Spiky massage ball, 8 cm", "massage_ball", "9.50",
     ["glutes", "hip", "shoulder", "upper_back", "chest", "forearm_wrist", "ankle_foot"],
     "A small ball for spots a roller cannot reach: buttocks, shoulder blades, feet.",
     "A soft-spiked rubber ball, 8 cm across. Lean on it against a wall for the shoulders "
     "and upper back, sit on it for the buttocks, or roll it under your foot.\n\nKeep the "
     "pressure at a good hurt of no more than 5 out of 10.",
     "An orange massage ball with soft spikes."),
    ("peanut-massage-ball", "Peanut massage ball", "peanut_ball", "14.00",
     ["upper_back", "mid_back", "neck"],
     "Two balls joined together, so the spine rests in the groove between them.",
     "Two firm rubber balls joined in a peanut shape. Lying on it, the muscles either side "
     "of the spine take the pressure while the spine itself sits free in the middle.\n\n"
     "Use it on the upper and middle back only, never on the lower back or neck bones.",
     "A purple peanut-shaped massage ball."),
    ("roller-massage-stick", "Roller massage stick", "massage_stick", "19.90",
     ["calf", "front_thigh", "back_thigh", "hip", "shoulder", "upper_arm", "forearm_wrist",
      "groin"],
     "A bar of free-turning spindles you roll over your legs with both hands.",
     "A 45 cm bar with handles at each end and a row of spindles that turn as you roll. "
     "You control the pressure with your arms, which makes it gentler and easier to dose "
     "than lying on a roller, and easy to use sitting down.",
     "A blue massage stick with a row of spindles between two handles."),
    ("compact-massage-gun", "Compact massage gun", "massage_gun", "89.00",
     ["upper_back", "shoulder", "upper_arm", "glutes", "front_thigh", "back_thigh", "calf"],
     "A small percussion massager with low speed settings for short sessions.",
     "A hand-held percussion massager with four heads and five speeds. Use the lowest "
     "speed and the soft round head, keep it moving, and stay under a minute per muscle.\n\n"
     "Never use it on the neck, the spine, bony points, or if you take blood thinners.",
     "A dark grey massage gun with a green round head."),
    ("electric-heat-pad", "Electric heat pad, 30 × 40 cm", "heat_pad", "34.00",
     ["lower_back", "mid_back", "upper_back", "neck", "shoulder"],
     "Gentle warmth for a stiff back or neck, with an automatic switch-off.",
     "A soft, washable pad with three heat settings and a 90-minute automatic switch-off. "
     "Warmth eases stiffness for a while, which can make moving and stretching easier.\n\n"
     "Use the low or middle setting with a layer of clothing between pad and skin, never "
     "while asleep, and not on skin that is numb or on a fresh injury.",
     "A red heat pad with its cable and control."),
    ("stretching-strap", "Stretching strap with loops", "stretching_strap", "12.50",
     ["back_thigh", "calf", "front_thigh", "hip", "shoulder"],
     "A strap with hand loops that helps you hold a stretch without straining.",
     "A 2 m cotton strap with ten loops. Put it round your foot to stretch the back of the "
     "thigh or calf lying on your back, or hold it behind you for the shoulders, without "
     "having to reach further than is comfortable.",
     "A blue stretching strap with loops, in an arch."),
]


@transaction.atomic
def load() -> int:
    for slug, name, kind, price, areas, summary, description, alt in PRODUCTS:
        product, _ = Product.objects.update_or_create(slug=slug, defaults={
            "name": name, "kind": kind, "price": Decimal(price), "currency": "EUR",
            "summary": summary, "description": description, "picture": kind,
            "picture_alt": alt, "shop_url": f"https://shop.example.com/{slug}",
            "is_listed": True,
        })
        product.areas.set(Area.objects.filter(code__in=areas))
    return len(PRODUCTS)
