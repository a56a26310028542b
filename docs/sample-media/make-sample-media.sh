#!/bin/sh
# Makes the sample video and audio clip of content/media/ (issue 26).
# Authoring only: the build and the tests never need ffmpeg or espeak-ng.
#   apt-get install -y ffmpeg espeak-ng fonts-noto-cjk
#   sh docs/sample-media/make-sample-media.sh [content folder]
# The spoken lines quote the Vocational Education Law (2022 revision), Art. 24,
# 58 and 12 (the key phrases word for word from the official text). Licence: CC0 1.0 (see docs/authoring.md).
set -eu
CONTENT=${1:-content}
OUT="$CONTENT/media/lessons"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# One slide per spoken line: the slide text, then the line espeak-ng says.
set -- \
  "职业教育法第二十四条|企业应当有计划地对职工|和准备招用的人员实施职业教育" \
  "职业教育法第二十四条规定，企业应当有计划地对本单位的职工和准备招用的人员实施职业教育。" \
  "培训上岗制度|企业应当按照国家有关规定|实行培训上岗制度" \
  "企业应当按照国家有关规定实行培训上岗制度。" \
  "职业教育法第五十八条|职工接受职业教育期间|依法支付工资" \
  "第五十八条规定，职工接受职业教育期间，用人单位应当依法支付工资。"
i=0
: > "$WORK/list.txt"
while [ $# -gt 0 ]; do
  i=$((i + 1))
  slide=$1 speech=$2
  shift 2
  espeak-ng -v cmn -s 220 -w "$WORK/s$i.wav" "$speech"
  printf '%s' "$slide" | tr '|' '\n' > "$WORK/t$i.txt"
  dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/s$i.wav")
  ffmpeg -v error -y -f lavfi -i "color=c=0x7f1d1d:s=640x360:d=$dur:r=10" -i "$WORK/s$i.wav" \
    -vf "drawtext=font='Noto Sans CJK SC':textfile=$WORK/t$i.txt:fontcolor=white:fontsize=30:line_spacing=18:x=(w-text_w)/2:y=(h-text_h)/2" \
    -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 30 -c:a aac -b:a 48k -ar 44100 -ac 1 -shortest "$WORK/p$i.mp4"
  echo "file '$WORK/p$i.mp4'" >> "$WORK/list.txt"
  echo "$dur" >> "$WORK/durations.txt"
done
ffmpeg -v error -y -f concat -safe 0 -i "$WORK/list.txt" -c copy -movflags +faststart "$OUT/training-duty.mp4"
ffmpeg -v error -y -ss 1 -i "$OUT/training-duty.mp4" -frames:v 1 -q:v 4 "$OUT/training-duty.jpg"
cat "$WORK/durations.txt"

# The audio clip: Art. 12, paragraph 3.
espeak-ng -v cmn -s 190 -w "$WORK/week.wav" "职业教育法第十二条规定：每年5月的第二周为职业教育活动周。"
ffmpeg -v error -y -i "$WORK/week.wav" -c:a libmp3lame -b:a 48k -ac 1 "$OUT/activity-week.mp3"
ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/activity-week.mp3"
